export function TagList({ items, testId }: { items: string[] | undefined; testId?: string }) {
  if (!items?.length) return null;
  return (
    <ul className="tag-list static" data-testid={testId}>
      {items.map((item) => (
        <li key={item} className="tag">
          {item}
        </li>
      ))}
    </ul>
  );
}
