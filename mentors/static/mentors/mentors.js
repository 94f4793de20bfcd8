/* Progressive enhancement for the mentoring forms; without JavaScript every field shows.

   [data-reveal-when="<checkbox id>"]: shown only while that checkbox is ticked (kept
   shown when it holds a value or an error, so nothing typed is hidden).
   [data-session-kind="support"] / "networking training": the part of the session form
   that applies to the kind chosen in the radio buttons named "kind".
   select[data-country-field][data-region-countries]: a region list showing only the
   regions (optgroups) of the country chosen in that field; all while none is chosen. */
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

    document.querySelectorAll("select[data-country-field][data-region-countries]").forEach(function (regions) {
        var country = document.getElementById(regions.getAttribute("data-country-field"));
        var countryOf;
        try {
            countryOf = JSON.parse(regions.getAttribute("data-region-countries"));
        } catch (error) {
            return;
        }
        if (!country) {
            return;
        }
        // On load nothing is cleared (her choice and its error stay in view); on a change
        // of country, a region of another country is unselected.
        var filter = function (event) {
            var chosen = country.value;
            Array.prototype.forEach.call(regions.querySelectorAll("optgroup"), function (group) {
                var options = group.querySelectorAll("option");
                var other = Boolean(chosen) && Array.prototype.every.call(options, function (option) {
                    return countryOf[option.value] !== chosen;
                });
                // Hidden where browsers can, disabled where they cannot hide an optgroup.
                group.hidden = other;
                group.disabled = other;
            });
            var picked = regions.value;
            if (event && picked && chosen && countryOf[picked] !== chosen) {
                regions.value = "";
            }
        };
        country.addEventListener("change", filter);
        filter();
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
