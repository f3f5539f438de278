// The claim page's review form: asks for the write token once per browser session and posts
// the review as JSON to /claims/{id}/reviews, then reloads the page to show it.
(function () {
  "use strict";
  var form = document.getElementById("review-form");
  if (!form) { return; }
  var status = document.getElementById("review-status");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var token = sessionStorage.getItem("kg-token");
    if (!token) {
      token = window.prompt("The write token (KG_API_TOKEN) of this service:");
      if (!token) { return; }
      sessionStorage.setItem("kg-token", token);
    }
    var support = document.getElementById("review-support").value.split(",")
      .map(function (s) { return s.trim(); }).filter(function (s) { return s.length > 0; });
    var body = {
      rating: document.getElementById("review-rating").value,
      note: document.getElementById("review-note").value,
      support: support
    };
    status.textContent = "publishing…";
    fetch("/claims/" + encodeURIComponent(form.dataset.claim) + "/reviews", {
      method: "POST",
      headers: {"Content-Type": "application/json", "Authorization": "Bearer " + token},
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.ok) { window.location.reload(); return null; }
      if (response.status === 401) { sessionStorage.removeItem("kg-token"); }
      return response.json().then(function (error) { status.textContent = error.message || response.statusText; });
    }).catch(function (error) { status.textContent = String(error); });
  });
}());
