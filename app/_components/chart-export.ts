/**
 * Chart export in the browser: the chart's own SVG, made standalone (CSS variables resolved to the current theme's
 * colours, a background, sizes, the SVG namespace, an optional legend), saved as .svg or rasterised to .png through a
 * canvas. No server round trip and no library: the SVG recharts drew is already the picture.
 */

export interface LegendEntry {
  label: string;
  color: string;
}

const LEGEND_HEIGHT = 24;

function resolveVars(value: string, style: CSSStyleDeclaration): string {
  return value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => style.getPropertyValue(name).trim() || '#888');
}

/** Standalone SVG text of a rendered chart, in the colours the user sees now (light or dark). */
export function standaloneSvg(svg: SVGSVGElement, legend: readonly LegendEntry[] = []): string {
  const style = getComputedStyle(document.documentElement);
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  for (const element of [clone, ...Array.from(clone.querySelectorAll('*'))]) {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.value.includes('var(--')) element.setAttribute(attribute.name, resolveVars(attribute.value, style));
    }
  }
  const ns = 'http://www.w3.org/2000/svg';
  const top = legend.length > 0 ? LEGEND_HEIGHT : 0;
  const body = document.createElementNS(ns, 'g');
  body.setAttribute('transform', `translate(0 ${top})`);
  while (clone.firstChild) body.appendChild(clone.firstChild);
  const background = document.createElementNS(ns, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', resolveVars('var(--surface)', style));
  clone.append(background, body);
  legend.forEach((entry, i) => {
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('x', String(12 + i * 170));
    text.setAttribute('y', '17');
    text.setAttribute('font-size', '12');
    text.setAttribute('fill', resolveVars(entry.color, style));
    text.textContent = `● ${entry.label}`;
    clone.appendChild(text);
  });
  clone.setAttribute('xmlns', ns);
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height + top)));
  clone.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height + top)}`);
  clone.setAttribute('font-family', style.fontFamily || 'sans-serif');
  clone.removeAttribute('class');
  return new XMLSerializer().serializeToString(clone);
}

function download(href: string, filename: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadSvg(svgText: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  download(url, `${filename}.svg`);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Rasterises the standalone SVG at 2× through a canvas, then saves the PNG. */
export async function downloadPng(svgText: string, filename: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * scale;
    canvas.height = image.naturalHeight * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser has no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
    const pngUrl = URL.createObjectURL(png);
    download(pngUrl, `${filename}.png`);
    setTimeout(() => URL.revokeObjectURL(pngUrl), 10_000);
  } finally {
    URL.revokeObjectURL(url);
  }
}
