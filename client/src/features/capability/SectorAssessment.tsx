import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryStatus } from '../../api/QueryStatus';
import { capabilityKeys, ownAssessment, type Assessment, type Sector } from './capabilityApi';
import { CapabilityQuestionnaire } from './CapabilityQuestionnaire';
import { CapabilityResults } from './CapabilityResults';
import { VisibilityForm } from './VisibilityForm';
import { CapabilitySuggestions } from './CapabilitySuggestions';

/** The enterprise's assessment of one sector: the questionnaire where it left off, and its results. */
export function SectorAssessment({ orgId, sector }: { orgId: string; sector: Sector }) {
  const queryClient = useQueryClient();
  const key = capabilityKeys.own(orgId, sector);
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => ownAssessment(orgId, sector, signal) });
  const results = useRef<HTMLHeadingElement>(null);
  const [finished, setFinished] = useState(0);

  useEffect(() => {
    // The last group saved: the results are what the reader wants next.
    if (finished === 0) return;
    results.current?.focus();
    results.current?.scrollIntoView({ block: 'start' });
  }, [finished]);

  function saved(assessment: Assessment) {
    queryClient.setQueryData(key, assessment);
    void queryClient.invalidateQueries({ queryKey: capabilityKeys.allOwn(orgId), exact: true });
    // Other answers may make other groups the weakest.
    void queryClient.invalidateQueries({ queryKey: capabilityKeys.suggestions(orgId, sector) });
  }

  if (query.data === undefined) return <QueryStatus query={query} />;
  const assessment = query.data;
  return (
    <>
      <CapabilityQuestionnaire
        orgId={orgId}
        sector={sector}
        saved={assessment}
        onSaved={saved}
        onFinished={() => setFinished((n) => n + 1)}
      />
      {assessment && (
        <>
          <CapabilityResults assessment={assessment} headingRef={results} />
          {assessment.complete && <CapabilitySuggestions orgId={orgId} sector={sector} />}
          <VisibilityForm orgId={orgId} assessment={assessment} onSaved={saved} />
        </>
      )}
    </>
  );
}
