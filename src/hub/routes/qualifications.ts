import { Uuid } from '../../shared/domain/common';
import { ApiError } from '../http/errors';
import { implementRoute } from '../http/route';
import { listQualifications } from '../services/qualifications';

export const getQualifications = implementRoute('listQualifications', async ({ hub, principal, query }) => {
  const userId = query.get('userId') || undefined;
  if (userId !== undefined && !Uuid.safeParse(userId).success) {
    throw new ApiError(400, 'invalid-query', 'The query is not valid: query.userId must be a lowercase UUID', {
      problems: [{ path: 'query.userId', message: 'must be a lowercase UUID' }],
    });
  }
  const credentialId = query.get('credentialId') || undefined;
  return { status: 200, body: await listQualifications(hub, principal, { userId, credentialId }) };
});
