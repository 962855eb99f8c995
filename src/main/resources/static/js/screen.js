// 数字体检一张屏: fetches the screen's JSON and draws the tree map, module, category and trend charts.
(function () {
  var palette = { RED: '#e5484d', YELLOW: '#f5c518', BLUE: '#3b82f6', GREEN: '#3c9a5f' };
  var text = { color: '#e8eefc' };
  var host = document.getElementById('screen');
  if (!host || !window.echarts) { return; }
  var charts = [];
  var drawing = 0;
  // data-rendered once every chart has finished its first drawing and animation (what the screen's tests wait for)
  function chart(id) {
    var c = echarts.init(document.getElementById(id));
    var done = false;
    charts.push(c);
    drawing++;
    c.on('finished', function () {
      if (!done) {
        done = true;
        if (--drawing === 0) { host.setAttribute('data-rendered', 'true'); }
      }
    });
    return c;
  }
  function colourise(blocks) {
    return blocks.map(function (b) {
      return { id: b.id, name: b.name, value: b.value, red: b.red, yellow: b.yellow, blue: b.blue,
        itemStyle: { color: palette[b.level] || '#888' },
        children: b.children && b.children.length ? colourise(b.children) : undefined };
    });
  }
  function bars(id, rows, horizontal) {
    var names = rows.map(function (r) { return r.name; });
    var axis = { type: 'category', data: names, axisLabel: { color: '#c9d6f0', interval: 0, rotate: horizontal ? 0 : 40 } };
    var value = { type: 'value', axisLabel: { color: '#c9d6f0' }, splitLine: { lineStyle: { color: '#1f3a66' } } };
    chart(id).setOption({
      tooltip: { trigger: 'axis' }, legend: { textStyle: text, top: 0 },
      grid: { left: horizontal ? 110 : 40, right: 16, top: 28, bottom: horizontal ? 24 : 80 },
      xAxis: horizontal ? value : axis, yAxis: horizontal ? axis : value,
      series: [['红色预警', 'red', palette.RED], ['黄色预警', 'yellow', palette.YELLOW], ['蓝色提示', 'blue', palette.BLUE]]
        .map(function (s) {
          return { name: s[0], type: 'bar', stack: 'w', itemStyle: { color: s[2] },
            data: rows.map(function (r) { return r[s[1]]; }) };
        })
    });
  }
  fetch(host.getAttribute('data-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (s) {
      var map = chart('chart-map');
      map.setOption({
        tooltip: { formatter: function (p) {
          var d = p.data || {};
          return p.name + '<br>干部 ' + p.value + ' 人<br>红 ' + (d.red || 0) + ' · 黄 ' + (d.yellow || 0) + ' · 蓝 ' + (d.blue || 0);
        } },
        series: [{ type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false },
          width: '100%', height: '100%', top: 0, left: 0,
          label: { show: true, formatter: '{b}', color: '#111' },
          upperLabel: { show: true, height: 22, color: '#fff', backgroundColor: 'rgba(0,0,0,.25)' },
          levels: [{ itemStyle: { borderColor: '#0b1a33', borderWidth: 3, gapWidth: 3 } },
                   { itemStyle: { borderColor: '#12284d', borderWidth: 1, gapWidth: 1 } }],
          data: colourise(s.map) }]
      });
      map.on('click', function (p) {
        if (p.data && p.data.id) {
          window.location.href = host.getAttribute('data-node-url') + p.data.id + '?evaluation=' + host.getAttribute('data-evaluation');
        }
      });
      bars('chart-modules', s.modules, true);
      bars('chart-categories', s.categories, false);
      chart('chart-trend').setOption({
        tooltip: { trigger: 'axis' }, legend: { textStyle: text, top: 0 },
        grid: { left: 50, right: 16, top: 28, bottom: 24 },
        xAxis: { type: 'category', data: s.trend.map(function (t) { return t.asOf; }), axisLabel: { color: '#c9d6f0' } },
        yAxis: { type: 'value', axisLabel: { color: '#c9d6f0' }, splitLine: { lineStyle: { color: '#1f3a66' } } },
        series: [['红色预警', 'red', palette.RED], ['黄色预警', 'yellow', palette.YELLOW], ['蓝色提示', 'blue', palette.BLUE]]
          .map(function (k) {
            return { name: k[0], type: 'line', itemStyle: { color: k[2] }, data: s.trend.map(function (t) { return t[k[1]]; }) };
          })
      });
    });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
