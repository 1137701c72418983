/**
 * @fileoverview A pool worker: a thin comlink shell over one instance of the worker API.
 */
import { expose, transfer } from 'comlink';
import { createWorkerApi } from './worker-api';

expose(createWorkerApi(transfer));
