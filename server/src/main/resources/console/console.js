// tillsync back office: child-table rows and upload progress. Served locally; the pages work without it
// (except adding child rows), so nothing here is a security boundary.
(function () {
  "use strict";

  document.addEventListener("click", function (ev) {
    // The page's "Back" link: a script here, not an inline javascript: URL, which the CSP refuses.
    if (ev.target.closest("a.history-back")) {
      ev.preventDefault();
      history.back();
      return;
    }
    var add = ev.target.closest("[data-add-row]");
    if (add) {
      var name = add.getAttribute("data-add-row");
      var table = document.getElementById(name + "-table");
      var tpl = document.getElementById(name + "-row");
      var i = parseInt(table.getAttribute("data-next") || "0", 10);
      table.setAttribute("data-next", String(i + 1));
      var holder = document.createElement("tbody");
      holder.innerHTML = tpl.innerHTML.split("__i__").join(String(i));
      var row = holder.firstElementChild;
      table.tBodies[0].appendChild(row);
      var first = row.querySelector("input, select");
      if (first) first.focus();
      return;
    }
    var remove = ev.target.closest("[data-remove-row]");
    if (remove) {
      remove.closest("tr").remove();
    }
  });

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (form.id !== "upload-form" || !window.XMLHttpRequest || !window.FormData) return;
    ev.preventDefault();
    var progress = document.getElementById("upload-progress");
    var percent = document.getElementById("upload-percent");
    var result = document.getElementById("upload-result");
    var button = document.getElementById("upload-button");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-Console-Fetch", "1");
    xhr.setRequestHeader("X-CSRF-Token", form.querySelector("input[name=csrf]").value);
    progress.hidden = false;
    progress.value = 0;
    percent.textContent = "0%";
    button.disabled = true;
    result.innerHTML = "";
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        var p = Math.round(100 * e.loaded / e.total);
        progress.value = p;
        percent.textContent = p + "%";
      }
    };
    xhr.onload = function () {
      progress.value = 100;
      percent.textContent = xhr.status === 200 ? "Done" : "Refused";
      button.disabled = false;
      result.innerHTML = xhr.responseText;
    };
    xhr.onerror = function () {
      button.disabled = false;
      percent.textContent = "";
      result.innerHTML = '<div class="notice error" role="alert">The upload did not reach the server; check the connection and try again.</div>';
    };
    xhr.send(new FormData(form));
  });

  // Items list: search as you type. Asks the list page for its rows fragment (same session, same escaping) 200 ms
  // after the last key; an older answer arriving late never replaces a newer one. Without JS the form still works.
  var search = document.getElementById("item-search");
  if (search && window.fetch) {
    var results = document.getElementById("item-results");
    var timer = null, asked = 0, shown = 0;
    var refresh = function () {
      var params = new URLSearchParams(new FormData(search));
      var n = ++asked;
      var url = search.action + "?" + params.toString();
      results.setAttribute("aria-busy", "true");
      fetch(url + "&fragment=rows", { credentials: "same-origin", headers: { "X-Console-Fetch": "1" } })
        .then(function (r) {
          // A session that ended answers with the sign-in page: go there rather than show it inside the list.
          if (r.redirected && r.url.indexOf("/console/login") >= 0) {
            window.location.href = r.url;
            return Promise.reject(0);
          }
          return r.ok ? r.text() : Promise.reject(r.status);
        })
        .then(function (html) {
          if (n < shown) return;
          shown = n;
          results.innerHTML = html;
          results.removeAttribute("aria-busy");
          if (window.history && history.replaceState) history.replaceState(null, "", url);
        })
        .catch(function (status) {
          results.removeAttribute("aria-busy");
          if (status !== 0 && n >= shown) {
            results.insertAdjacentHTML("afterbegin", '<div class="notice error" role="alert">The search did not answer; press Search to try again.</div>');
          }
        });
    };
    var later = function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 200);
    };
    document.getElementById("item-q").addEventListener("input", later);
    document.getElementById("item-category").addEventListener("change", refresh);
    search.addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      refresh();
    });
  }
  // The import page: the file goes up with a progress bar (preview), then "Apply" shows a working state until the
  // server answers (a 50,000-row file takes seconds). Both answers are the result fragment.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if ((form.id !== "import-form" && form.id !== "apply-form") || !window.XMLHttpRequest || !window.FormData) return;
    ev.preventDefault();
    var applying = form.id === "apply-form";
    var progress = document.getElementById(applying ? "apply-progress" : "import-progress");
    var state = document.getElementById(applying ? "apply-state" : "import-percent");
    var button = document.getElementById(applying ? "apply-button" : "preview-button");
    var result = document.getElementById("import-result");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-Console-Fetch", "1");
    xhr.setRequestHeader("X-CSRF-Token", form.querySelector("input[name=csrf]").value);
    progress.hidden = false;
    button.disabled = true;
    if (applying) {
      progress.removeAttribute("value");
      state.textContent = "Working: importing the file, all or nothing…";
    } else {
      progress.value = 0;
      state.textContent = "0%";
      result.innerHTML = "";
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) {
          var p = Math.round(100 * e.loaded / e.total);
          progress.value = p;
          state.textContent = p < 100 ? p + "%" : "Checking every row…";
          if (p >= 100) progress.removeAttribute("value");
        }
      };
    }
    xhr.onload = function () {
      button.disabled = false;
      progress.hidden = true;
      state.textContent = "";
      result.innerHTML = xhr.responseText;
    };
    xhr.onerror = function () {
      button.disabled = false;
      progress.hidden = true;
      state.textContent = "";
      result.insertAdjacentHTML("afterbegin", '<div class="notice error" role="alert">The request did not reach the server; check the connection and try again.</div>');
    };
    xhr.send(new FormData(form));
  });
})();
