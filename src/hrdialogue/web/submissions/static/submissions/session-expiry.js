/* A warning before the session ends, with a button that extends it (WCAG 2.2.1 Timing
   Adjustable; reliability battery I4).

   The server renders how many seconds the session has left and how long before its end to
   warn (data attributes of #session-warning). The button posts to the extend address with the
   page's CSRF token; the server saves the session again, which renews its expiry there, and
   answers the seconds it now has left. When the time is up the warning says so: what was
   typed is kept in the tab by reply-draft.js and comes back after the next sign-in.

   Progressive enhancement: without this script nothing is shown (the warning is hidden).
   No string shown to people is written here: they come from the template, translated. */
(function () {
  "use strict";

  var box = document.getElementById("session-warning");
  if (!box || !window.fetch) return;
  var left = parseInt(box.getAttribute("data-seconds-left"), 10);
  var warn = parseInt(box.getAttribute("data-warn-seconds"), 10);
  var url = box.getAttribute("data-extend-url");
  var message = document.getElementById("session-warning-text");
  var clock = document.getElementById("session-end");
  var offer = document.getElementById("session-offer");
  var button = document.getElementById("session-extend");
  var status = document.getElementById("session-status");
  if (isNaN(left) || isNaN(warn) || !url || !message || !clock || !offer || !button) return;

  var ends = Date.now() + left * 1000;
  var ended = false;
  var lastField = null;
  var language = document.documentElement.lang || undefined;
  var timer = window.setInterval(tick, 1000);

  function timeOfDay(when) {
    try {
      return when.toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit" });
    } catch (error) {
      return when.toLocaleTimeString();
    }
  }

  function show(text) {
    message.textContent = text;
    box.hidden = false;
  }

  function warnNow() {
    var when = new Date(ends);
    clock.textContent = timeOfDay(when);
    clock.setAttribute("datetime", when.toISOString());
    offer.hidden = false;
    show(box.getAttribute("data-ending") || "");
  }

  function end() {
    ended = true;
    window.clearInterval(timer);
    offer.hidden = true;
    clock.textContent = "";
    show((box.getAttribute("data-ended") || "") + " " + (box.getAttribute("data-kept") || ""));
  }

  function tick() {
    var now = Date.now();
    if (ended) return;
    if (now >= ends) end();
    else if (now >= ends - warn * 1000) {
      if (box.hidden) warnNow();
    } else if (!box.hidden) box.hidden = true;
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.form && !box.contains(target)) lastField = target;
  });
  document.addEventListener("visibilitychange", tick);

  button.addEventListener("click", function () {
    button.disabled = true;
    window
      .fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" }
      })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (answer) {
        var seconds = Number(answer.seconds_left);
        if (!(seconds > 0)) throw new Error("the session has no time left");
        ends = Date.now() + seconds * 1000;
        button.disabled = false;
        box.hidden = true;
        if (status) status.textContent = status.getAttribute("data-extended") || "";
        if (lastField) lastField.focus();
        tick();
      })
      .catch(function () {
        button.disabled = false;
        clock.textContent = "";
        show((box.getAttribute("data-failed") || "") + " " + (box.getAttribute("data-kept") || ""));
      });
  });

  tick();
})();
