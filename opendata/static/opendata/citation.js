// The citation's copy button: shown only when the browser can copy; says whether copying worked.
(function () {
  "use strict";
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll("[data-copy-citation]").forEach(function (button) {
    var source = document.getElementById(button.dataset.copyCitation);
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(
        function () {
          status.textContent = button.dataset.copied;
        },
        function () {
          status.textContent = button.dataset.failed;
        }
      );
    });
  });
})();
