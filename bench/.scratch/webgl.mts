import { chromium } from 'playwright-core';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
for (const extra of [[], ['--enable-unsafe-swiftshader']]) {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...ARGS, ...extra] });
  const p = await b.newPage();
  const r = await p.evaluate(() => {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2') ?? c.getContext('webgl');
    if (!gl) return 'none';
    const dbg = gl.getExtension('WEBGL_debug_renderer_info');
    return `${gl instanceof WebGL2RenderingContext ? 'webgl2' : 'webgl1'} ${dbg ? gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL) : ''}`;
  });
  console.log(extra, r);
  await b.close();
}
