// Draws each tile's bar chart with ECharts (served from the app's webjar, no CDN).
document.querySelectorAll('.chart').forEach(function (el) {
  if (typeof echarts === 'undefined') return;
  var labels = (el.dataset.labels || '').split('|');
  var values = (el.dataset.values || '').split('|').map(Number);
  var target = el.dataset.target ? Number(el.dataset.target) : null;
  var unit = el.dataset.unit || '';
  var chart = echarts.init(el, null, { renderer: 'svg' });
  var series = { type: 'bar', data: values, itemStyle: { color: '#07c160' },
    label: { show: true, position: 'top', formatter: '{c}' + unit } };
  if (target !== null && !isNaN(target)) {
    series.markLine = { symbol: 'none', data: [{ yAxis: target }], lineStyle: { color: '#fa5151', type: 'dashed' },
      label: { formatter: target + unit } };
  }
  chart.setOption({ grid: { left: 36, right: 44, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value' }, series: [series], animation: false });
  window.addEventListener('resize', function () { chart.resize(); });
});
