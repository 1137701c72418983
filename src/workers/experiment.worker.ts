/**
 * @fileoverview The experiment worker: a thin comlink shell over the worker API.
 */
import { expose } from 'comlink';
import { workerApi } from './worker-api';

expose(workerApi);
