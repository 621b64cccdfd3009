// The project form's first step: the procedure list offers only the chosen kind's procedures (the server lists only
// runnable ones; without script every runnable procedure is offered and the chosen one decides the kind).
(function () {
  var kind = document.getElementById('kind');
  var procedure = document.getElementById('procedure');
  if (!kind || !procedure) { return; }
  function filter() {
    var first = null, selectedShown = false;
    Array.prototype.forEach.call(procedure.options, function (o) {
      var shown = o.getAttribute('data-kind') === kind.value;
      o.hidden = !shown;
      o.disabled = !shown;
      if (shown && first === null) { first = o; }
      if (shown && o.selected) { selectedShown = true; }
    });
    if (!selectedShown && first !== null) { first.selected = true; }
  }
  kind.addEventListener('change', filter);
  filter();
})();
