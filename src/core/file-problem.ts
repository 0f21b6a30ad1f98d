/**
 * Why reading or writing a file failed, as a phrase in the user's words: never the
 * system's text or error code (those stay on the error, as its `cause`, for logs).
 * "Cannot write /path: " + fileProblem(error, 'write') + ".".
 */
export function fileProblem(error: unknown, doing: 'read' | 'write'): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? String((error as { code: unknown }).code)
      : undefined;
  switch (code) {
    case 'ENOENT':
      return doing === 'read' ? 'there is no file there' : 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return doing === 'read'
        ? 'this user account is not allowed to read it'
        : 'this user account is not allowed to write there';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'another program is using it';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open; close some programs and try again';
    case 'EIO':
      return 'the disk reported an error';
    default:
      return doing === 'read'
        ? 'the system did not allow reading it'
        : 'the system did not allow writing it';
  }
}
