/// The inline script of the map page: filters, sorting, paging and row details over the embedded
/// entries, and the choropleth's colours. Plain ES2017, no library, nothing fetched.
enum MapHTMLScript {
    static let source = #"""
        (function () {
          'use strict';
          var data = JSON.parse(document.getElementById('map-data').textContent);
          var base = 4, per = 4, categories = data.categories.length;
          data.entries.forEach(function (e, i) { e.index = i; });
          var rows = document.getElementById('rows'), more = document.getElementById('more');
          var count = document.getElementById('f-count');
          var field = function (id) { return document.getElementById(id); };
          var sortKey = null, sortDir = 1, shown = 200, list = [];
          function esc(s) {
            return String(s).replace(/[&<>"]/g, function (c) {
              return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c];
            });
          }
          function fmt(v) {
            if (v === null) return '–';
            return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en') : String(+v.toPrecision(4));
          }
          function key(e, k) {
            if (k === 'region') return data.regions[e[0]][0];
            if (k === 'category') return data.categories[e[1]][1];
            if (k === 'stars') return e[2] < 0 ? null : e[2];
            if (k === 'class') return e[3] < 0 ? null : e[3];
            return e[base + Number(k.slice(1)) * per];
          }
          function apply() {
            var c = field('f-category').value, co = field('f-country').value, s = field('f-stars').value;
            var cl = field('f-class').value, t = field('f-text').value.toLowerCase();
            var ci = cl === '' ? -1 : data.classes.indexOf(cl);
            list = data.entries.filter(function (e) {
              var r = data.regions[e[0]];
              return (c === '' || e[1] === Number(c)) && (co === '' || r[2] === co) &&
                (s === '' || e[2] >= Number(s)) && (cl === '' || e[3] === ci) &&
                (t === '' || (r[0] + ' ' + r[1] + ' ' + data.categories[e[1]][1]).toLowerCase().indexOf(t) >= 0);
            });
            if (sortKey) {
              list.sort(function (a, b) {
                var x = key(a, sortKey), y = key(b, sortKey);
                if (x === null) return y === null ? 0 : 1;
                if (y === null) return -1;
                return (x < y ? -1 : x > y ? 1 : 0) * sortDir;
              });
            }
            shown = 200;
            render();
            paint(c);
          }
          function render() {
            var html = [];
            list.slice(0, shown).forEach(function (e) {
              var r = data.regions[e[0]];
              html.push('<tr class="entry" data-i="' + e.index + '"><th scope="row">' + esc(r[0]) +
                ' <span class="small">' + esc(r[1]) + '</span></th><td>' + esc(data.categories[e[1]][1]) + '</td>');
              for (var i = 0; i < data.indicators.length; i++) {
                html.push('<td class="num">' + fmt(e[base + i * per]) + '</td>');
              }
              html.push('<td class="num">' + (e[2] < 0 ? '–' : e[2]) + '</td><td>' +
                (e[3] < 0 ? '–' : data.classes[e[3]]) + '</td></tr>');
            });
            rows.innerHTML = html.join('');
            count.textContent = list.length + ' of ' + data.entries.length + ' clusters' +
              (list.length > shown ? ', first ' + shown + ' shown' : '');
            more.hidden = list.length <= shown;
          }
          function detail(e) {
            var parts = [];
            for (var i = 0; i < data.indicators.length; i++) {
              var o = base + i * per, text = esc(data.indicators[i]) + ': ' + fmt(e[o]);
              if (e[o + 1] >= 0) text += ' (' + esc(data.periods[e[o + 1]]) + ')';
              if (e[o + 2] >= 0) text += ' [' + esc(data.flags[e[o + 2]]) + ']';
              if (e[o + 3] >= 0) text += ' — ' + esc(data.reasons[e[o + 3]]);
              parts.push('<li>' + text + '</li>');
            }
            return '<tr class="detail"><td colspan="' + (4 + data.indicators.length) + '"><ul>' +
              parts.join('') + '</ul></td></tr>';
          }
          function paint(c) {
            var svg = document.querySelector('svg.choropleth');
            if (!svg) return;
            data.regions.forEach(function (r, ri) {
              var path = document.getElementById('r-' + r[0]);
              if (!path) return;
              var stars = -1;
              for (var ci = 0; ci < categories; ci++) {
                if (c !== '' && ci !== Number(c)) continue;
                stars = Math.max(stars, data.entries[ri * categories + ci][2]);
              }
              path.setAttribute('class', stars < 0 ? '' : 's' + stars);
              path.firstChild.textContent = r[0] + ' ' + r[1] + ': ' + (stars < 0 ? 'no data' : stars + ' stars');
            });
          }
          rows.addEventListener('click', function (event) {
            var row = event.target.closest('tr.entry');
            if (!row) return;
            var next = row.nextElementSibling;
            if (next && next.classList.contains('detail')) { next.remove(); return; }
            row.insertAdjacentHTML('afterend', detail(data.entries[Number(row.dataset.i)]));
          });
          document.querySelectorAll('th[data-sort]').forEach(function (th) {
            th.addEventListener('click', function () {
              sortDir = sortKey === th.dataset.sort ? -sortDir : 1;
              sortKey = th.dataset.sort;
              document.querySelectorAll('th[data-sort]').forEach(function (other) { other.removeAttribute('aria-sort'); });
              th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
              apply();
            });
          });
          ['f-category', 'f-country', 'f-stars', 'f-class', 'f-text'].forEach(function (id) {
            field(id).addEventListener('input', apply);
          });
          more.addEventListener('click', function () { shown += 200; render(); });
          apply();
        })();
        """#
}
