import type { CapabilityLevel } from '@contract/capability-criteria';
import { useCapabilityLabels } from './useCapabilityLabels';

/** A capability level as a coloured badge. */
export function LevelBadge({ level, testId }: { level: CapabilityLevel; testId?: string }) {
  const labels = useCapabilityLabels();
  return (
    <span
      className={`badge capability-level capability-level-${level}`}
      data-testid={testId}
      data-level={level}
    >
      {labels.level(level)}
    </span>
  );
}
