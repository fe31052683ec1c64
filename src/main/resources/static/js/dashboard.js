// Draws each tile's bar chart with ECharts (served from the app's webjar, no CDN).
document.querySelectorAll('.chart').forEach(function (el) {
  if (typeof echarts === 'undefined') return;
  var labels = (el.dataset.labels || '').split('|');
  var values = (el.dataset.values || '').split('|').map(Number);
  var target = el.dataset.target ? Number(el.dataset.target) : null;
  var unit = el.dataset.unit || '';
  // a month's figures may come with the month before's: grey bars beside this month's green ones
  var previous = el.dataset.previous ? el.dataset.previous.split('|').map(Number) : null;
  var chart = echarts.init(el, null, { renderer: 'svg' });
  var series = { type: 'bar', name: el.dataset.name || '', data: values, itemStyle: { color: '#07c160' },
    label: { show: true, position: 'top', formatter: '{c}' + unit } };
  if (target !== null && !isNaN(target)) {
    series.markLine = { symbol: 'none', data: [{ yAxis: target }], lineStyle: { color: '#fa5151', type: 'dashed' },
      label: { formatter: target + unit } };
  }
  var all = [series];
  var option = { grid: { left: 36, right: 44, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value' }, animation: false };
  if (previous) {
    all = [{ type: 'bar', name: el.dataset.previousName || '', data: previous, itemStyle: { color: '#c9cdd4' },
      label: { show: true, position: 'top', formatter: '{c}' + unit } }, series];
    option.legend = { top: 0, data: [el.dataset.previousName || '', el.dataset.name || ''] };
    option.grid.top = 36;
  }
  option.series = all;
  chart.setOption(option);
  window.addEventListener('resize', function () { chart.resize(); });
});
