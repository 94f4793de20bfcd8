/* Progressive enhancement for the mentoring forms; without JavaScript every field shows.

   [data-reveal-when="<checkbox id>"]: shown only while that checkbox is ticked (kept
   shown when it holds a value or an error, so nothing typed is hidden).
   [data-session-kind="support"] / "networking training": the part of the session form
   that applies to the kind chosen in the radio buttons named "kind". */
(function () {
    "use strict";

    document.querySelectorAll("[data-reveal-when]").forEach(function (part) {
        var box = document.getElementById(part.getAttribute("data-reveal-when"));
        if (!box) {
            return;
        }
        var update = function () {
            var filled = Array.prototype.some.call(
                part.querySelectorAll("input, textarea, select"),
                function (input) { return input.value; }
            );
            part.hidden = !box.checked && !filled && !part.querySelector(".field--error");
        };
        box.setAttribute("aria-controls", part.id || (part.id = "reveal-" + box.id));
        box.addEventListener("change", update);
        update();
    });

    var parts = document.querySelectorAll("[data-session-kind]");
    var radios = document.querySelectorAll("input[type='radio'][name='kind']");
    if (parts.length && radios.length) {
        var show = function () {
            var chosen = document.querySelector("input[type='radio'][name='kind']:checked");
            parts.forEach(function (part) {
                var kinds = part.getAttribute("data-session-kind").split(" ");
                part.hidden = chosen ? kinds.indexOf(chosen.value) === -1 : false;
            });
        };
        radios.forEach(function (radio) { radio.addEventListener("change", show); });
        show();
    }
})();
