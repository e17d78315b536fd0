import { UserInputError } from '../../common/errors';
import { ACCESS_PURPOSE_HEADER, AccessPurpose } from './access-purpose.enums';

/** The purpose a request declared; UNDECLARED without the header, BAD_USER_INPUT for a value outside the list. */
export function declaredPurpose(header: string | undefined): AccessPurpose {
  if (header === undefined || header === '') return AccessPurpose.UNDECLARED;
  const declarable = Object.values(AccessPurpose).filter((purpose) => purpose !== AccessPurpose.UNDECLARED);
  const value = header.trim().toUpperCase();
  const known = declarable.find((purpose) => purpose === value);
  if (known) return known;
  const allowed = declarable.join(', ');
  throw new UserInputError(ACCESS_PURPOSE_HEADER, `declare one of ${allowed}`);
}
