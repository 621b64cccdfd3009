// Sealing on arrival: the chosen file is sent as the raw request body (no multipart, so the server never spools the
// plain file to disk); the platform encrypts it to the tender's opening key while it streams in. The form's fields go
// first in the body, as one URL-encoded line ended by a line feed — never in the URL, which proxies and logs keep.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('seal-form');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = form.querySelector('input[type=file]').files[0];
    if (!file) {
      return;
    }
    var params = new URLSearchParams({
      name: file.name,
      totalPrice: form.elements.totalPrice.value,
      durationDays: form.elements.durationDays.value,
      projectManager: form.elements.projectManager.value
    });
    var button = form.querySelector('button');
    button.disabled = true;
    document.getElementById('seal-status').textContent = form.dataset.sending;
    fetch(form.action, {
      method: 'POST',
      headers: {'X-CSRF-TOKEN': form.dataset.csrf, 'Content-Type': 'application/octet-stream'},
      body: new Blob([params.toString() + '\n', file]),
      credentials: 'same-origin',
      redirect: 'manual'
    }).then(function () {
      window.location.reload();
    }, function () {
      button.disabled = false;
      document.getElementById('seal-status').textContent = form.dataset.failed;
    });
  });
});
