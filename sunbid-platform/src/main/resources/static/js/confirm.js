// Asks before an irreversible step: a button or link with data-confirm goes ahead only when the user agrees.
document.addEventListener('click', function (event) {
  var target = event.target.closest ? event.target.closest('[data-confirm]') : null;
  if (target && !window.confirm(target.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
