// Search across types and fields: hides the types that do not match, marks the matching fields and lists the hits.
(function () {
  'use strict';
  var input = document.getElementById('search');
  var results = document.getElementById('search-results');
  var types = Array.prototype.slice.call(document.querySelectorAll('article.type'));
  var topics = Array.prototype.slice.call(document.querySelectorAll('article.topic'));

  function item(href, text, kind) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    var small = document.createElement('span');
    small.className = 'kind';
    small.textContent = kind;
    li.appendChild(a);
    li.appendChild(small);
    return li;
  }

  function search() {
    var q = input.value.trim().toLowerCase();
    results.innerHTML = '';
    types.forEach(function (article) {
      var name = article.getAttribute('data-name');
      var full = article.getAttribute('data-type');
      var typeHit = q !== '' && full.toLowerCase().indexOf(q) >= 0;
      var fieldHit = false;
      article.querySelectorAll('tr.field').forEach(function (row) {
        var field = row.getAttribute('data-field');
        var hit = q !== '' && field.toLowerCase().indexOf(q) >= 0;
        row.classList.toggle('match', hit);
        if (hit) {
          fieldHit = true;
          results.appendChild(item('#' + row.id, name + '.' + field, 'field'));
        }
      });
      article.querySelectorAll('li.symbol').forEach(function (li) {
        var symbol = li.getAttribute('data-symbol');
        if (q !== '' && symbol.toLowerCase().indexOf(q) >= 0) {
          fieldHit = true;
          results.appendChild(item('#' + article.id, name + '.' + symbol, 'symbol'));
        }
      });
      if (typeHit) {
        results.insertBefore(item('#' + article.id, name, 'type'), results.firstChild);
      }
      article.classList.toggle('hidden', q !== '' && !typeHit && !fieldHit);
    });
    topics.forEach(function (article) {
      var hit = article.getAttribute('data-topic').toLowerCase().indexOf(q) >= 0;
      article.classList.toggle('hidden', q !== '' && !hit);
      if (q !== '' && hit) {
        results.insertBefore(item('#' + article.id, article.getAttribute('data-topic'), 'topic'),
            results.firstChild);
      }
    });
    if (q !== '' && results.children.length === 0) {
      var none = document.createElement('li');
      none.className = 'none';
      none.textContent = 'Nothing matches "' + input.value.trim() + '".';
      results.appendChild(none);
    }
    results.hidden = q === '';
  }

  input.addEventListener('input', search);
  if (input.value) {
    search();
  }
})();
