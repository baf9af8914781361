import { useTranslation } from 'react-i18next';
import type { MessageAudience } from '@contract/socket-events';

const AUDIENCES: MessageAudience[] = ['all', 'seller', 'buyer'];

interface AudiencePickerProps {
  value: MessageAudience;
  onChange(value: MessageAudience): void;
  disabled: boolean;
}

/** For the broker (and operators): send to everyone, or a note that one side alone will see. */
export function AudiencePicker({ value, onChange, disabled }: AudiencePickerProps) {
  const { t } = useTranslation();
  return (
    <label className="chat-audience">
      <span>{t('negotiation.audience.label')}</span>{' '}
      <select
        value={value}
        disabled={disabled}
        data-testid="chat-audience"
        onChange={(e) => onChange(e.target.value as MessageAudience)}
      >
        {AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {t(`negotiation.audience.${a}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
