// A QR code as an SVG element (qrcode-generator draws the modules; we build the SVG nodes, no innerHTML).
(function () {
  'use strict';
  const Q = (window.Q = window.Q || {});
  const ns = 'http://www.w3.org/2000/svg';

  Q.qr = (text, label) => {
    const code = qrcode(0, 'M');
    code.addData(text);
    code.make();
    const count = code.getModuleCount();
    const margin = 2;
    const size = count + margin * 2;
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
    svg.setAttribute('shape-rendering', 'crispEdges');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label || text);
    svg.classList.add('qr');
    const background = document.createElementNS(ns, 'rect');
    background.setAttribute('width', String(size));
    background.setAttribute('height', String(size));
    background.setAttribute('fill', '#fff');
    const path = document.createElementNS(ns, 'path');
    let d = '';
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (code.isDark(row, col)) d += `M${col + margin} ${row + margin}h1v1h-1z`;
      }
    }
    path.setAttribute('d', d);
    path.setAttribute('fill', '#000');
    svg.append(background, path);
    return svg;
  };
})();
