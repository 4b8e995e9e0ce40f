import { checkPermissions } from '../permissions.ts';
import { specs } from './permissions.ts';

checkPermissions(specs);
