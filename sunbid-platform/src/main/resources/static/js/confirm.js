// Asks before an irreversible step: a button or link with data-confirm goes ahead only when the user agrees.
// The form's own checks come first: a required field left empty is reported at once, and no confirmation is asked
// for a submission that would be refused anyway. A field required by one button only (a reason required when
// refusing, not when approving) names that button in data-required-by="button-id".
document.addEventListener('click', function (event) {
  var target = event.target.closest ? event.target.closest('[data-confirm], button[type=submit], input[type=submit]') : null;
  if (!target) {
    return;
  }
  var form = target.form;
  if (form) {
    form.querySelectorAll('[data-required-by]').forEach(function (field) {
      field.required = field.getAttribute('data-required-by').split(' ').indexOf(target.id) >= 0;
    });
    if (!form.noValidate && !target.formNoValidate && !form.checkValidity()) {
      event.preventDefault();
      form.reportValidity();
      return;
    }
  }
  if (target.hasAttribute('data-confirm') && !window.confirm(target.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
