// Buttons marked data-print open the browser's print dialog (an inline onclick would be refused by the CSP).
document.querySelectorAll('button[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
