// Sealing on arrival: the chosen file is sent as the raw request body (no multipart, so the server never spools the
// plain file to disk); the platform encrypts it to the tender's opening key while it streams in.
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
    fetch(form.action + '?' + params.toString(), {
      method: 'POST',
      headers: {'X-CSRF-TOKEN': form.dataset.csrf, 'Content-Type': 'application/octet-stream'},
      body: file,
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
