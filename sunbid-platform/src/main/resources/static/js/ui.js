// Shared page behaviour, served with every page (fragments :: head). No framework; the pages work without it.
// 1. Tables: each cell gets its column's name as data-label (unless the markup sets one), so that on a phone a list
//    table can show each row as a card with labelled cells (sunbid.css, "Tables, menus and small screens").
// 2. The top menu: on a phone it collapses behind the menu button, which opens and closes it.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.table-wrap > table').forEach(function (table) {
    var head = table.tHead && table.tHead.rows.length ? table.tHead.rows[table.tHead.rows.length - 1] : null;
    if (!head) { return; }
    var labels = [];
    Array.prototype.forEach.call(head.cells, function (th) {
      for (var i = 0; i < (th.colSpan || 1); i++) { labels.push(th.textContent.trim()); }
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (!cell.hasAttribute('data-label') && labels[column] !== undefined) {
            cell.setAttribute('data-label', labels[column]);
          }
          column += cell.colSpan || 1;
        });
      });
    });
  });
  var toggle = document.getElementById('nav-toggle');
  var nav = toggle ? toggle.closest('.mainnav') : null;
  if (nav) {
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
});
