/* The pledge form's button says "Sending…" and takes no second click once the form is on
   its way (the server also treats a repeated pledge as one: this only spares a wait).
   Without JavaScript the form works the same. */
(function () {
    "use strict";

    document.querySelectorAll("form[data-pledge-form]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (form.dataset.sent === "1") {
                event.preventDefault();
                return;
            }
            form.dataset.sent = "1";
            var button = form.querySelector("[type='submit']");
            if (button) {
                button.setAttribute("aria-disabled", "true");
                if (button.dataset.sendingLabel) {
                    button.textContent = button.dataset.sendingLabel;
                }
            }
        });
        // Back to the page from the next one (back/forward cache): the form works again.
        window.addEventListener("pageshow", function () {
            form.dataset.sent = "";
            var button = form.querySelector("[type='submit']");
            if (button) {
                button.removeAttribute("aria-disabled");
                if (button.dataset.label) {
                    button.textContent = button.dataset.label;
                }
            }
        });
    });
})();
