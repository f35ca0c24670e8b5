import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { pageTypeName } from '@/lib/content/codes';
import { fieldName } from '@/lib/content/teach-column';
import type { TaughtColumn } from '@/lib/messaging/protocol-teaching';
import { useI18n } from '../language';
import { errorText } from './format';
import { rpc } from '../runtime';

/** The columns sellers taught the readers ("Show me the column" on a seller page), with a remove button each. */
export function ColumnMappingsSection() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['taught-columns'], queryFn: () => rpc('teaching/list', {}) });
  const columns = list.data?.columns ?? [];
  return (
    <div>
      <p className="meta">{t('options.teaching.intro')}</p>
      {list.isPending && <p role="status">{t('options.loading')}</p>}
      {list.isError && <p role="alert">{errorText(t, list.error)}</p>}
      {list.data && columns.length === 0 && <p data-testid="taught-columns-empty">{t('options.teaching.empty')}</p>}
      {columns.length > 0 && (
        <table data-testid="taught-columns">
          <thead>
            <tr>
              <th scope="col">{t('options.teaching.header')}</th>
              <th scope="col">{t('options.teaching.field')}</th>
              <th scope="col">{t('options.teaching.pageType')}</th>
              <th scope="col">{t('options.teaching.marketplace')}</th>
              <th scope="col">{t('options.teaching.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <TaughtColumnRow key={`${c.pageType}|${c.marketplace}|${c.field}`} column={c} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function TaughtColumnRow({ column }: { column: TaughtColumn }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => rpc('teaching/remove', { pageType: column.pageType, marketplace: column.marketplace, field: column.field }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['taught-columns'] }),
  });
  const field = fieldName(language, column.field);
  const pageType = pageTypeName(language, column.pageType);
  return (
    <tr data-testid="taught-column">
      <th scope="row">{column.header}</th>
      <td>{field}</td>
      <td>{pageType}</td>
      <td>{column.marketplace}</td>
      <td>
        <button
          type="button"
          aria-label={t('options.teaching.removeLabel', { header: column.header, field, pageType, marketplace: column.marketplace })}
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          {t('options.teaching.remove')}
        </button>
        {remove.isError && <span role="alert">{errorText(t, remove.error)}</span>}
      </td>
    </tr>
  );
}
