/* Error summaries ([data-error-summary], rendered by includes/form_field.html):
   move focus to the summary when the page loads, so screen reader and keyboard users hear
   at once that something needs fixing; a link in the summary focuses its field and scrolls
   its label or legend into view. Without JavaScript the summary and its links still work. */
(function () {
    "use strict";

    var summary = document.querySelector("[data-error-summary]");
    if (!summary) {
        return;
    }
    // Focus without the browser's own scroll (which can leave the summary under the sticky
    // exit bar on a narrow screen), then scroll it to the top, clear of the bar (the page's
    // scroll-padding and the summary's scroll-margin).
    summary.focus({ preventScroll: true });
    summary.scrollIntoView({ block: "start" });

    summary.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
        if (!link) {
            return;
        }
        var input = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        if (!input) {
            return;
        }
        event.preventDefault();
        var fieldset = input.closest("fieldset");
        var legend = fieldset ? fieldset.querySelector("legend") : null;
        var label = legend || document.querySelector("label[for='" + input.id + "']") || input;
        label.scrollIntoView();
        input.focus({ preventScroll: true });
    });
})();
