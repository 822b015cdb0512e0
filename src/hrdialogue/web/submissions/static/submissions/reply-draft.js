/* Drafts of a reply, kept in this browser tab while the focal point types (reliability
   battery I4: a session that ends never loses what was typed).

   Progressive enhancement: the form works the same without this script.

   Where: sessionStorage, never localStorage. It is gone when the tab (or the browser) is
   closed, so confidential text does not outlive the tab on a shared computer. The key names
   the consultation and the signed-in account (its id, rendered by the template): another
   account signed in later in the same tab does not see the draft.

   What: the form's own fields that a person fills in (the reply text, the comment slots'
   paragraphs and texts, the visibility choice); never a file input, the CSRF token or the
   idempotency key (hidden fields). The draft remembers the idempotency key of the form it was
   last saved from, and the receipt page of the version sent with that key deletes it. Not on
   submit: the submit may land on the sign-in page instead (the session ended), and the text
   must still be there when the person comes back to the form.

   No string shown to people is written here: they come from the template, translated. */
(function () {
  "use strict";

  var PREFIX = "hrdialogue.reply-draft.";
  var DELAY_MS = 400; // saved this long after the last keystroke (and at once on submit)
  var SKIPPED = ["file", "hidden", "password", "submit", "button", "reset", "image"];

  function storage() {
    try {
      return window.sessionStorage; // throws where storage is switched off
    } catch (error) {
      return null;
    }
  }

  function keyOf(element) {
    var consultation = element.getAttribute("data-draft-consultation");
    var user = element.getAttribute("data-draft-user");
    return consultation && user ? PREFIX + consultation + "." + user : null;
  }

  function read(store, key) {
    try {
      var draft = JSON.parse(store.getItem(key) || "null");
      return draft && typeof draft.fields === "object" ? draft : null;
    } catch (error) {
      return null;
    }
  }

  function write(store, key, draft) {
    try {
      store.setItem(key, JSON.stringify(draft));
    } catch (error) {
      // full or refused: the form still works, only without a draft
    }
  }

  function forget(store, key) {
    try {
      store.removeItem(key);
    } catch (error) {
      // nothing to do
    }
  }

  /* The named fields a person fills in: text areas, text inputs, lists and radio buttons. */
  function keptFields(form) {
    var kept = [];
    for (var i = 0; i < form.elements.length; i++) {
      var field = form.elements[i];
      var type = (field.type || "").toLowerCase();
      var tag = field.tagName;
      if (!field.name || field.disabled || tag === "FIELDSET" || tag === "BUTTON") continue;
      if (SKIPPED.indexOf(type) >= 0 || type === "checkbox") continue;
      kept.push(field);
    }
    return kept;
  }

  function valuesOf(form) {
    var values = {};
    keptFields(form).forEach(function (field) {
      if (field.type !== "radio") values[field.name] = field.value;
      else if (field.checked) values[field.name] = field.value;
    });
    return values;
  }

  /* Whether anything was typed or chosen, a choice between radio buttons apart (one is
     always chosen, by default). */
  function typed(form) {
    return keptFields(form).some(function (field) {
      return field.type !== "radio" && field.value !== "";
    });
  }

  function fill(form, values) {
    keptFields(form).forEach(function (field) {
      if (!Object.prototype.hasOwnProperty.call(values, field.name)) return;
      if (field.type === "radio") field.checked = field.value === values[field.name];
      else field.value = values[field.name];
    });
  }

  function keepDrafts(form, store) {
    var key = keyOf(form);
    if (!key) return;
    var idempotency = form.elements.namedItem("idempotency_key");
    var status = document.getElementById("draft-status");
    var actions = document.getElementById("draft-actions");
    var discard = document.getElementById("draft-discard");
    var initial = valuesOf(form);
    var timer = null;

    function save() {
      timer = null;
      if (!typed(form)) {
        forget(store, key);
        return;
      }
      write(store, key, {
        fields: valuesOf(form),
        sent: idempotency ? idempotency.value : "",
        saved: Date.now()
      });
    }

    function saveLater() {
      if (timer !== null) window.clearTimeout(timer);
      timer = window.setTimeout(save, DELAY_MS);
    }

    function saveNow() {
      if (timer !== null) window.clearTimeout(timer);
      save();
    }

    function announce() {
      // The live region was on the page, empty, before this: a change is announced.
      if (status) status.textContent = status.getAttribute("data-restored") || "";
      if (actions) actions.hidden = false;
    }

    if (discard) {
      discard.addEventListener("click", function () {
        if (timer !== null) window.clearTimeout(timer);
        timer = null;
        forget(store, key);
        fill(form, initial);
        if (actions) actions.hidden = true;
        if (status) status.textContent = status.getAttribute("data-discarded") || "";
        var first = keptFields(form)[0];
        if (first) first.focus();
      });
    }

    var draft = read(store, key);
    if (draft && !typed(form)) {
      fill(form, draft.fields);
      if (typed(form)) {
        saveNow(); // from now on, under this form's idempotency key
        window.setTimeout(announce, 150);
      }
    } else if (typed(form)) {
      saveNow(); // the form shown again with its errors: what it holds is the draft now
    }

    form.addEventListener("input", saveLater);
    form.addEventListener("change", saveLater);
    form.addEventListener("submit", saveNow);
    window.addEventListener("pagehide", function () {
      if (timer !== null) saveNow();
    });
  }

  /* The receipt of a version just received: the draft it was sent from is done. */
  function forgetSent(marker, store) {
    var key = keyOf(marker);
    var sent = marker.getAttribute("data-draft-sent");
    var draft = key ? read(store, key) : null;
    if (draft && sent && draft.sent === sent) forget(store, key);
  }

  var store = storage();
  if (!store) return;
  var form = document.getElementById("reply-form");
  if (form) keepDrafts(form, store);
  var marker = document.getElementById("reply-received");
  if (marker) forgetSent(marker, store);
})();
