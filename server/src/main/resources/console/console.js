// tillsync back office: child-table rows and upload progress. Served locally; the pages work without it
// (except adding child rows), so nothing here is a security boundary.
(function () {
  "use strict";

  document.addEventListener("click", function (ev) {
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
})();
