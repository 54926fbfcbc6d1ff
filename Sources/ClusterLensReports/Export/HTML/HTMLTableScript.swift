/// Sorting and finding in the tables of the HTML overview page of many clusters
/// (``HTMLLargeReport``): a header with `data-sort="number"` or `"text"` sorts its column when
/// clicked (again: the other way; a missing value, `–`, always last) by the number or text its
/// cells show; the find box keeps the rows whose text or link (the cluster id) holds every word
/// typed. The table is plain HTML: without scripts it still reads, in report order. Plain ES2017,
/// no library, nothing fetched.
enum HTMLTableScript {
    /// The filter box and the count of rows shown, for the table with id `table`.
    static func controls(table: String, total: Int) -> String {
        "<p class=\"controls\" data-table=\"\(table)\"><label>Find <input type=\"search\" "
            + "placeholder=\"name, id, region or sector code\" data-filter=\"\(table)\"/></label> "
            + "<span class=\"small\" data-count=\"\(table)\">\(total) of \(total) clusters</span>"
            + "<noscript> (sorting and finding need JavaScript; the table reads without it)</noscript></p>\n"
    }

    /// The script, once per page, after the tables.
    static let source = #"""
        (function () {
          'use strict';
          // A cell's number: its first text, without group separators, the minus sign read as '-'.
          function cellKey(row, column, numeric) {
            var cell = row.cells[column];
            if (!cell) return null;
            if (!numeric) return cell.textContent.trim().toLowerCase();
            var node = cell.firstChild;
            var text = node && node.nodeType === 3 ? node.nodeValue : '';
            text = text.replace(/[\s\u2009\u00a0]/g, '').replace('\u2212', '-');
            var value = parseFloat(text);
            return isNaN(value) ? null : value;
          }
          document.querySelectorAll('table[id]').forEach(function (table) {
            var body = table.tBodies[0];
            if (!body) return;
            var count = document.querySelector('[data-count="' + table.id + '"]');
            var total = body.rows.length;
            table.querySelectorAll('th[data-sort]').forEach(function (th) {
              th.tabIndex = 0;
              th.style.cursor = 'pointer';
              function sort() {
                var column = th.cellIndex, numeric = th.getAttribute('data-sort') === 'number';
                var direction = th.getAttribute('aria-sort') === 'descending' ? 1 :
                  th.getAttribute('aria-sort') === 'ascending' ? -1 : (numeric ? -1 : 1);
                table.querySelectorAll('th[aria-sort]').forEach(function (other) { other.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', direction > 0 ? 'ascending' : 'descending');
                var rows = Array.prototype.slice.call(body.rows);
                var keyed = rows.map(function (row, i) { return [cellKey(row, column, numeric), i, row]; });
                keyed.sort(function (a, b) {
                  if (a[0] === null) return b[0] === null ? a[1] - b[1] : 1;
                  if (b[0] === null) return -1;
                  return a[0] < b[0] ? -direction : a[0] > b[0] ? direction : a[1] - b[1];
                });
                var fragment = document.createDocumentFragment();
                keyed.forEach(function (entry) { fragment.appendChild(entry[2]); });
                body.appendChild(fragment);
              }
              th.addEventListener('click', sort);
              th.addEventListener('keydown', function (event) { if (event.key === 'Enter') sort(); });
            });
            var filter = document.querySelector('[data-filter="' + table.id + '"]');
            if (!filter) return;
            var texts = null;
            filter.addEventListener('input', function () {
              var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
              if (!texts) {
                texts = new Map();
                Array.prototype.forEach.call(body.rows, function (row) {
                  var link = row.querySelector('a');
                  texts.set(row, (row.textContent + ' ' + (link ? link.getAttribute('href') : '')).toLowerCase());
                });
              }
              Array.prototype.forEach.call(body.rows, function (row) {
                var text = texts.get(row) || '';
                var match = words.every(function (word) { return text.indexOf(word) >= 0; });
                row.hidden = !match;
                if (match) shown += 1;
              });
              if (count) count.textContent = shown + ' of ' + total + ' clusters';
            });
          });
        })();
        """#
}
