/*
 * The event editor's "Repeats" (events.forms.RecurrencePanel), made livelier.
 *
 * Without this script every field shows and the server lists the dates after each save.
 * With it: only the fields the chosen repeat uses show, the rule the fields say is written
 * into the advanced box as they change, and the next dates are redrawn at once. Typing in
 * the advanced box switches "Repeats" to "Another rule", whose dates the server shows
 * after "Save draft" (only the rules the fields can say are expanded here: the same ones
 * events/recurrence.py writes, with the same results as the server's dateutil).
 */
(function () {
  "use strict";

  var WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
  var FORM_FREQS = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
  var PREVIEW_SIZE = 6;
  var MAX_STEPS = 5000;

  function utcDay(y, m, d) {
    return new Date(Date.UTC(y, m, d));
  }

  function addDays(day, n) {
    return utcDay(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + n);
  }

  function mondayIndex(day) {
    return (day.getUTCDay() + 6) % 7;
  }

  function daysInMonth(y, m) {
    return utcDay(y, m + 1, 0).getUTCDate();
  }

  function parseDay(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec((text || "").trim());
    if (!match) return null;
    var day = utcDay(+match[1], +match[2] - 1, +match[3]);
    return day.getUTCDate() === +match[3] ? day : null;
  }

  function isoDay(day) {
    return day.toISOString().slice(0, 10);
  }

  function nthWeekday(y, m, ordinal, weekday) {
    if (ordinal > 0) {
      var offset = (weekday - mondayIndex(utcDay(y, m, 1)) + 7) % 7;
      var d = 1 + offset + 7 * (ordinal - 1);
      return d <= daysInMonth(y, m) ? utcDay(y, m, d) : null;
    }
    var last = daysInMonth(y, m);
    var back = (mondayIndex(utcDay(y, m, last)) - weekday + 7) % 7;
    return utcDay(y, m, last - back);
  }

  /* The rule's dates from the start, in order, as dateutil gives them. */
  function expand(s, wanted, notBefore) {
    var result = [];
    var first = null;
    var n = 0;
    var start = s.start;
    for (var k = 0; k < MAX_STEPS; k++) {
      var candidates = [];
      if (s.freq === "DAILY") {
        candidates = [addDays(start, k * s.interval)];
      } else if (s.freq === "WEEKLY") {
        var base = addDays(start, -mondayIndex(start) + 7 * s.interval * k);
        candidates = s.weekdays.map(function (wd) {
          return addDays(base, WEEKDAYS.indexOf(wd));
        });
      } else if (s.freq === "MONTHLY") {
        var total = start.getUTCMonth() + k * s.interval;
        var y = start.getUTCFullYear() + Math.floor(total / 12);
        var m = total % 12;
        if (s.ordinal) {
          candidates = [nthWeekday(y, m, s.ordinal, WEEKDAYS.indexOf(s.weekday))];
        } else {
          var d = s.monthDay || start.getUTCDate();
          candidates = [d <= daysInMonth(y, m) ? utcDay(y, m, d) : null];
        }
      } else if (s.freq === "YEARLY") {
        var year = start.getUTCFullYear() + k * s.interval;
        var same = utcDay(year, start.getUTCMonth(), start.getUTCDate());
        candidates = [same.getUTCMonth() === start.getUTCMonth() ? same : null];
      }
      for (var i = 0; i < candidates.length; i++) {
        var c = candidates[i];
        if (!c || c < start) continue;
        if (s.until && c > s.until) return { dates: result, first: first };
        if (first === null) first = c;
        n += 1;
        if (c >= notBefore) {
          result.push(c);
          if (result.length >= wanted) return { dates: result, first: first };
        }
        if (s.count && n >= s.count) return { dates: result, first: first };
      }
    }
    return { dates: result, first: first };
  }

  function setUp(root) {
    var form = root.closest("form");
    if (!form) return;

    function field(name) {
      return form.querySelector('[name="' + name + '"]');
    }
    function checked(name) {
      var input = form.querySelector('input[name="' + name + '"]:checked');
      return input ? input.value : "";
    }
    function number(name) {
      var input = field(name);
      var value = input ? parseInt(input.value, 10) : NaN;
      return isNaN(value) ? null : value;
    }

    var raw = field("recurrence");
    var details = root.querySelector("details");
    var dates = root.querySelector("[data-recurrence-dates]");
    var zoneLine = root.querySelector("[data-recurrence-zone]");
    var lang = document.documentElement.lang || undefined;

    function state() {
      var s = {
        freq: checked("repeat_freq"),
        interval: number("repeat_interval") || 1,
        weekdays: Array.prototype.map.call(
          form.querySelectorAll('input[name="repeat_weekdays"]:checked'),
          function (input) {
            return input.value;
          }
        ),
        monthDay: null,
        ordinal: null,
        weekday: null,
        count: null,
        until: null,
        start: parseDay((field("start_date") || {}).value),
        time: ((field("start_time") || {}).value || "").trim().slice(0, 5),
        zone: (field("time_zone") || {}).value || "",
      };
      if (s.freq === "MONTHLY") {
        if (checked("repeat_monthly_by") === "weekday") {
          s.ordinal = parseInt(field("repeat_ordinal").value, 10);
          s.weekday = field("repeat_weekday").value;
        } else {
          s.monthDay = number("repeat_month_day");
        }
      }
      var ends = checked("repeat_ends");
      if (ends === "count") s.count = number("repeat_count");
      if (ends === "until") s.until = parseDay(field("repeat_until").value);
      return s;
    }

    /* The rule as events/recurrence.py writes it, or null when the fields say none yet. */
    function rule(s) {
      if (FORM_FREQS.indexOf(s.freq) < 0) return null;
      if (s.interval < 1 || s.interval > 99) return null;
      var parts = ["FREQ=" + s.freq];
      if (s.interval !== 1) parts.push("INTERVAL=" + s.interval);
      if (s.freq === "WEEKLY") {
        if (!s.weekdays.length) return null;
        parts.push("BYDAY=" + WEEKDAYS.filter(function (d) {
          return s.weekdays.indexOf(d) >= 0;
        }).join(","));
      }
      if (s.freq === "MONTHLY") {
        if (s.ordinal) parts.push("BYDAY=" + s.ordinal + s.weekday);
        else if (s.monthDay && s.monthDay >= 1 && s.monthDay <= 28) {
          parts.push("BYMONTHDAY=" + s.monthDay);
        } else return null;
      }
      if (s.count) {
        if (s.count < 2) return null;
        parts.push("COUNT=" + s.count);
      } else if (s.until) {
        parts.push("UNTIL=" + isoDay(s.until).replace(/-/g, ""));
      }
      return parts.join(";");
    }

    function todayIn(zone) {
      try {
        var text = new Intl.DateTimeFormat("en-CA", {
          timeZone: zone,
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
        }).format(new Date());
        return parseDay(text) || parseDay(new Date().toISOString().slice(0, 10));
      } catch (error) {
        return parseDay(new Date().toISOString().slice(0, 10));
      }
    }

    function describe(day, time) {
      var text = new Intl.DateTimeFormat(lang, {
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }).format(day);
      return time ? text + ", " + time : text;
    }

    function message(text) {
      var p = document.createElement("p");
      p.className = "help";
      p.textContent = text;
      return p;
    }

    function show(nodes) {
      dates.replaceChildren.apply(dates, nodes);
    }

    function redraw() {
      var s = state();
      root.querySelectorAll("[data-show-for]").forEach(function (element) {
        element.hidden = element.dataset.showFor.split(" ").indexOf(s.freq) < 0;
      });
      root.querySelectorAll("[data-unit]").forEach(function (element) {
        element.hidden = element.dataset.unit !== s.freq;
      });
      var zoneSelect = field("time_zone");
      if (zoneLine && zoneSelect && zoneSelect.selectedOptions.length) {
        zoneLine.textContent = zoneLine.dataset.template
          ? zoneLine.dataset.template.replace("%(zone)s", zoneSelect.selectedOptions[0].text)
          : zoneLine.textContent;
      }
      if (s.freq === "custom") {
        if (details) details.open = true;
        show([message(root.dataset.textAdvanced)]);
        return;
      }
      if (s.freq === "") {
        raw.value = "";
        show([message(root.dataset.textSingle)]);
        return;
      }
      var text = rule(s);
      if (text === null) return; // the server names what is missing on save
      raw.value = text;
      if (!s.start) {
        show([message(root.dataset.textNoStart)]);
        return;
      }
      var found = expand(s, PREVIEW_SIZE, todayIn(s.zone));
      var nodes = [];
      if (found.first && isoDay(found.first) !== isoDay(s.start)) {
        nodes.push(message(root.dataset.textNotFirst.replace("%(date)s", describe(found.first))));
      }
      if (!found.dates.length) {
        nodes.push(message(root.dataset.textNone));
      } else {
        var list = document.createElement("ol");
        list.className = "recurrence__dates";
        found.dates.forEach(function (day) {
          var item = document.createElement("li");
          var time = document.createElement("time");
          time.dateTime = isoDay(day) + (s.time ? "T" + s.time : "");
          time.textContent = describe(day, s.time);
          item.appendChild(time);
          list.appendChild(item);
        });
        nodes.push(list);
      }
      show(nodes);
    }

    var watched = [
      "start_date",
      "start_time",
      "time_zone",
      "repeat_freq",
      "repeat_interval",
      "repeat_weekdays",
      "repeat_monthly_by",
      "repeat_month_day",
      "repeat_ordinal",
      "repeat_weekday",
      "repeat_ends",
      "repeat_count",
      "repeat_until",
    ];
    // A new repeat follows the start date (the day of the month, its nth weekday, the
    // weekday of a weekly repeat) until the organiser picks those fields herself.
    var touched = {};
    var hadRule = false;
    function followStart() {
      var s = state();
      if (hadRule || !s.start) return;
      var weekday = WEEKDAYS[mondayIndex(s.start)];
      var nth = Math.floor((s.start.getUTCDate() - 1) / 7) + 1;
      if (!touched.repeat_month_day) {
        field("repeat_month_day").value = s.start.getUTCDate() <= 28 ? s.start.getUTCDate() : "";
      }
      if (!touched.repeat_ordinal) field("repeat_ordinal").value = nth <= 4 ? String(nth) : "-1";
      if (!touched.repeat_weekday) field("repeat_weekday").value = weekday;
      if (!touched.repeat_weekdays) {
        form.querySelectorAll('input[name="repeat_weekdays"]').forEach(function (box) {
          box.checked = box.value === weekday;
        });
      }
    }

    function onChange(event) {
      var name = event.target && event.target.name;
      if (event.isTrusted && name && name.indexOf("repeat_") === 0) touched[name] = true;
      if (name === "start_date") followStart();
      if (name === "recurrence") {
        var custom = form.querySelector('input[name="repeat_freq"][value="custom"]');
        if (custom && !custom.checked) {
          custom.checked = true;
        }
        redraw();
        return;
      }
      if (watched.indexOf(name) < 0) return;
      if (name === "repeat_month_day" || name === "repeat_ordinal" || name === "repeat_weekday") {
        var by = form.querySelector(
          'input[name="repeat_monthly_by"][value="' +
            (name === "repeat_month_day" ? "day" : "weekday") +
            '"]'
        );
        if (by) by.checked = true;
      }
      if (name === "repeat_count" || name === "repeat_until") {
        var end = form.querySelector(
          'input[name="repeat_ends"][value="' + (name === "repeat_count" ? "count" : "until") + '"]'
        );
        if (end) end.checked = true;
      }
      if (name === "repeat_freq" && event.target.value === "WEEKLY") {
        var s = state();
        if (!s.weekdays.length && s.start) {
          var box = form.querySelector(
            'input[name="repeat_weekdays"][value="' + WEEKDAYS[mondayIndex(s.start)] + '"]'
          );
          if (box) box.checked = true;
        }
      }
      redraw();
    }
    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);

    // On load only the visibility changes: the server's dates (with cancelled and moved
    // ones) stay until a field changes.
    var initial = state();
    hadRule = initial.freq !== "";
    root.querySelectorAll("[data-show-for]").forEach(function (element) {
      element.hidden = element.dataset.showFor.split(" ").indexOf(initial.freq) < 0;
    });
    root.querySelectorAll("[data-unit]").forEach(function (element) {
      element.hidden = element.dataset.unit !== initial.freq;
    });
    root.classList.add("recurrence--live");
  }

  function start() {
    document.querySelectorAll("[data-recurrence]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
