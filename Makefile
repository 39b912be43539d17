# Front door for the two commands of the README (make run, make test) and
# the rest of DEVELOPERS.md. Meson and ninja do the building.

PREFIX   ?= /usr/local
BUILD    := build
TBUILD   := build-test
DB       ?= demo.db
LISTEN   ?= 127.0.0.1:8080

# Debian packages the build, the tests and the benchmarks need.
DEPS := build-essential meson ninja-build pkg-config python3 \
        libmicrohttpd-dev libsqlite3-dev libsodium-dev libxlsxwriter-dev \
        libcmocka-dev sqlite3 curl nodejs npm chromium wrk nginx-light

.PHONY: all deps run test bench clean install

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

$(BUILD)/build.ninja:
	@$(MAKE) --no-print-directory deps
	meson setup $(BUILD) --buildtype=release -Doptimization=2 -Dtests=false

$(TBUILD)/build.ninja:
	@$(MAKE) --no-print-directory deps
	meson setup $(TBUILD) --buildtype=debug -Dwerror=true \
	    -Db_sanitize=address,undefined -Db_lundef=false

# Installs what is missing when run as root; otherwise prints the command.
deps:
	@missing=$$(for p in $(DEPS); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	    echo "installing: $$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive \
	        apt-get install -y -q --no-install-recommends $$missing; \
	else \
	    echo "missing Debian packages; run as root:"; \
	    echo "  apt-get install $$missing"; exit 1; \
	fi

run: all
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BUILD)/rodzina init --db $(DB) --demo
	$(BUILD)/rodzina serve --db $(DB) --listen $(LISTEN)

test: $(TBUILD)/build.ninja
	ninja -C $(TBUILD)
	tests/run-all $(TBUILD)

bench: all
	bench/run $(BUILD)

install: all
	meson install -C $(BUILD) --destdir "$(DESTDIR)"

clean:
	rm -rf $(BUILD) $(TBUILD)
