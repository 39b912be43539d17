# Front door for the two commands of the README (make run, make test) and
# the rest of DEVELOPERS.md. Meson and ninja do the building.

PREFIX   ?= /usr/local
BUILD    := build
TBUILD   := build-test
DB       ?= demo.db
LISTEN   ?= 127.0.0.1:8080

.PHONY: all deps run test bench bench-ops clean install

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

$(BUILD)/build.ninja:
	@$(MAKE) --no-print-directory deps
	meson setup $(BUILD) --buildtype=release -Doptimization=2 -Dtests=false

$(TBUILD)/build.ninja:
	@$(MAKE) --no-print-directory deps
	meson setup $(TBUILD) --buildtype=debug -Dwerror=true \
	    -Db_sanitize=address,undefined -Db_lundef=false

# Installs the missing Debian packages when root; otherwise prints the line.
deps:
	@sh tools/deps.sh

run: all
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BUILD)/rodzina init --db $(DB) --demo
	$(BUILD)/rodzina serve --db $(DB) --listen $(LISTEN)

test: $(TBUILD)/build.ninja
	ninja -C $(TBUILD)
	tests/run-all $(TBUILD)

# Every benchmark (about 40 minutes, 10 of them fuzzing), ending with one
# table of the ratios to nginx (or bare SQLite) each measured in its own run;
# BASE_PORT=N puts their servers on ports N, N+1 ... see bench/README.md.
bench: all $(TBUILD)/build.ninja
	ninja -C $(TBUILD)
	bench/all $(BUILD) $(TBUILD)

# Crash test (20 rounds) and 60 s ASan soak only; see bench/README.md.
bench-ops: all $(TBUILD)/build.ninja
	ninja -C $(TBUILD)
	bench/ops $(BUILD) $(TBUILD)

install: all
	meson install -C $(BUILD) --destdir "$(DESTDIR)"

clean:
	rm -rf $(BUILD) $(TBUILD)
