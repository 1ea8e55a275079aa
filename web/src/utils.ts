export const STATUS_COLORS: Record<number, string> = {
  0: '#909399', 1: '#008000', 2: '#FF00CC', 3: '#FF99CC', 4: '#6666FF', 5: '#008000', 6: '#990033', 7: '#990033',
  8: '#ffb200', 9: '#ffb200', 10: '#909399'
}

export function downloadText(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  URL.revokeObjectURL(url)
}

export function formatBytes(n?: number): string {
  if (n === undefined || n === null) return '--'
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`
  return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`
}
