import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Bars of how many enterprises reached each level (`rows[i].name` the level's label), one a line. */
export function LevelsChart({ rows, label }: { rows: { name: string; count: number }[]; label: string }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      {/* Hidden from assistive technology (its figures are in the table below), so no keyboard focus either. */}
      <BarChart data={rows} layout="vertical" margin={{ left: 20 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={150} />
        <Tooltip />
        <Bar dataKey="count" name={label} fill="#1f5fa8" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
