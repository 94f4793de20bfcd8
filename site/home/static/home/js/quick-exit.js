/* Quick exit ("Exit this page"), on the GOV.UK model. No dependencies; loaded with defer.

   - Clicking [data-quick-exit], or pressing Shift 3 times within 5 seconds, blanks the page at
     once (class "quick-exit-active" on <html>) and replaces this history entry with our own
     exit URL (data-exit-url), which ends the server session and redirects to a neutral site.
   - Only a clean Shift press counts: Shift down and up with no other key in between, and no
     Ctrl, Alt or Meta held. Shift used to type a capital, or Alt+Shift / Ctrl+Shift to switch
     keyboard layout, does not count, and any other key starts the count again.
   - Esc is deliberately not used (see the GOV.UK design system, issue #2402).
   - Before leaving, this site's localStorage and sessionStorage are emptied (the exit URL's
     Clear-Site-Data header asks the browser for the same, but not every browser obeys it).
   - On pageshow (also from the back/forward cache) the page is shown again.
   Without JavaScript the link still works: it goes to the same exit URL. */
(function () {
    "use strict";

    var PRESSES_NEEDED = 3;
    var TIME_LIMIT_MS = 5000;
    var ACTIVE_CLASS = "quick-exit-active";

    var root = document.documentElement;
    var buttons = document.querySelectorAll("[data-quick-exit]");
    var first = buttons[0];
    var status = document.querySelector("[data-quick-exit-status]");
    var indicator = document.querySelector("[data-quick-exit-indicator]");

    var presses = 0;
    var timer = null;
    var cleanShift = false;
    var leaving = false;

    function exitUrl() {
        if (!first) {
            return "/exit/";
        }
        return first.getAttribute("data-exit-url") || first.getAttribute("href") || "/exit/";
    }

    function message(name) {
        return (first && first.getAttribute("data-message-" + name)) || "";
    }

    function announce(text) {
        if (status) {
            status.textContent = text;
        }
    }

    function showPresses(count) {
        if (indicator) {
            indicator.setAttribute("data-count", String(count));
        }
    }

    function resetPresses(announcement) {
        presses = 0;
        if (timer) {
            window.clearTimeout(timer);
            timer = null;
        }
        showPresses(0);
        if (announcement) {
            announce(announcement);
        }
    }

    function clearStorage() {
        var stores = ["localStorage", "sessionStorage"];
        for (var i = 0; i < stores.length; i += 1) {
            try {
                window[stores[i]].clear();
            } catch (error) {
                // Storage blocked (private mode, cookies off): nothing of ours is in it.
            }
        }
    }

    function leave(event) {
        if (event) {
            event.preventDefault();
        }
        // Hide everything first, before the network is asked for anything.
        root.classList.add(ACTIVE_CLASS);
        if (leaving) {
            return;
        }
        leaving = true;
        resetPresses();
        announce(message("leaving"));
        clearStorage();
        window.location.replace(exitUrl());
    }

    function isShift(event) {
        return event.key === "Shift" || event.keyCode === 16;
    }

    function onKeyDown(event) {
        if (isShift(event)) {
            if (!event.repeat) {
                cleanShift = !(event.ctrlKey || event.altKey || event.metaKey);
            }
            return;
        }
        // Any other key: the Shift being held is a modifier, and the count starts again.
        cleanShift = false;
        if (presses > 0) {
            resetPresses();
            announce("");
        }
    }

    function onKeyUp(event) {
        if (!isShift(event)) {
            return;
        }
        var counts = cleanShift;
        cleanShift = false;
        if (!counts) {
            return;
        }
        presses += 1;
        showPresses(presses);
        if (presses >= PRESSES_NEEDED) {
            leave();
            return;
        }
        announce(message("press").replace("{count}", String(presses)));
        if (!timer) {
            timer = window.setTimeout(function () {
                timer = null;
                resetPresses(message("reset"));
            }, TIME_LIMIT_MS);
        }
    }

    function onPageShow() {
        // Also when the page comes back from the back/forward cache (event.persisted).
        root.classList.remove(ACTIVE_CLASS);
        leaving = false;
        cleanShift = false;
        resetPresses();
        announce("");
    }

    for (var i = 0; i < buttons.length; i += 1) {
        buttons[i].addEventListener("click", leave);
    }
    window.addEventListener("keydown", onKeyDown, true);
    window.addEventListener("keyup", onKeyUp, true);
    window.addEventListener("blur", function () {
        cleanShift = false;
    });
    window.addEventListener("pageshow", onPageShow);
})();
