// Loaded first in <body> (not inline: the Content-Security-Policy forbids inline scripts). GOV.UK Frontend
// styles its scripted components only when these classes are present.
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
