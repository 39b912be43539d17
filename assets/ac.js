// Gmina autocomplete: an enhancement only. Without JavaScript the search
// form still submits to the server and lists matches.
(function () {
  'use strict';
  function attach(input) {
    var url = input.getAttribute('data-autocomplete');
    var list = document.createElement('ul');
    var timer = null, items = [], active = -1;
    list.className = 'suggest';
    list.id = input.id + '-suggest';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    input.parentNode.insertBefore(list, input.nextSibling);
    function close() {
      list.hidden = true; active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }
    function choose(i) {
      input.value = items[i].name;
      var hidden = input.form.querySelector('input[name="gmina"]');
      if (hidden) { hidden.value = items[i].teryt; }
      close();
    }
    function render() {
      list.textContent = '';
      items.forEach(function (g, i) {
        var li = document.createElement('li');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.textContent = g.name + ' (' + g.kind + ', pow. ' + g.powiat + ')';
        li.addEventListener('mousedown', function (e) {
          e.preventDefault(); choose(i);
        });
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
    }
    function highlight(i) {
      var li = list.children;
      for (var k = 0; k < li.length; k++) {
        li[k].setAttribute('aria-selected', k === i ? 'true' : 'false');
      }
      active = i;
      if (i >= 0) { input.setAttribute('aria-activedescendant', li[i].id); }
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { items = []; render(); return; }
      timer = setTimeout(function () {
        fetch(url + '?q=' + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (data) { items = data; render(); })
          .catch(function () { items = []; render(); });
      }, 120);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden) { return; }
      if (e.key === 'ArrowDown') {
        e.preventDefault(); highlight(Math.min(active + 1, items.length - 1));
      } else if (e.key === 'ArrowUp') {
        e.preventDefault(); highlight(Math.max(active - 1, 0));
      } else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault(); choose(active);
      } else if (e.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', close);
  }
  document.querySelectorAll('input[data-autocomplete]').forEach(attach);
})();
