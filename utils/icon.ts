// The toolbar icon, drawn at run time (no image files to ship): a disc with
// an "R", in colour when Repères works and grey when it is paused.

const SIZES = [16, 32] as const;

function draw(size: number, paused: boolean): ImageData {
  const canvas = new OffscreenCanvas(size, size);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = paused ? '#9aa0a6' : '#3b4cca';
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 2, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold ${Math.round(size * 0.7)}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('R', size / 2, size / 2 + size * 0.04);
  if (paused) {
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = Math.max(1.5, size / 10);
    ctx.beginPath();
    ctx.moveTo(size * 0.18, size * 0.82);
    ctx.lineTo(size * 0.82, size * 0.18);
    ctx.stroke();
  }
  return ctx.getImageData(0, 0, size, size);
}

export function iconFor(paused: boolean): Record<number, ImageData> | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  return Object.fromEntries(SIZES.map((s) => [s, draw(s, paused)]));
}
