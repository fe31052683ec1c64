// ECharts 5.3's SVG renderer writes its styles (the svg's position, each label's font) with
// setAttribute('style', ...), which the console's CSP (style-src 'self', no 'unsafe-inline') refuses.
// On SVG elements this sends the same declarations through the CSSOM (element.style), which CSP allows.
// Load after echarts.min.js and before the first echarts.init.
(function () {
  var setAttribute = SVGElement.prototype.setAttribute;
  SVGElement.prototype.setAttribute = function (name, value) {
    if (String(name).toLowerCase() === 'style') {
      this.style.cssText = String(value);
      return;
    }
    setAttribute.call(this, name, value);
  };
})();
