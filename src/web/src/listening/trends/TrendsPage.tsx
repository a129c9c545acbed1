export function TrendsPage() {
  return null;
}
