// 数字体检 charts: every element with data-trend (JSON [{asOf, value, colour, hex}]) becomes a line chart;
// the paint of each point (hex) comes from the server's one colour enum.
(function () {
  function draw() {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-trend]').forEach(function (el) {
      var points = JSON.parse(el.getAttribute('data-trend'));
      var chart = echarts.init(el);
      chart.setOption({
        grid: { left: 48, right: 16, top: 32, bottom: 32 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: points.map(function (p) { return p.asOf; }) },
        yAxis: { type: 'value', name: el.getAttribute('data-unit') || '' },
        series: [{ type: 'line', name: el.getAttribute('data-name'),
          data: points.map(function (p) {
            return { value: p.value, itemStyle: { color: p.hex || '#888' }, symbolSize: 10 };
          }) }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
