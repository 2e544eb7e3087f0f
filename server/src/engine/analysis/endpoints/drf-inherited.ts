// DRF actions a class inherits from mixins and generic views (`ModelViewSet`, `ListAPIView`,
// `mixins.ListModelMixin`...) rather than writes: the class is an endpoint serving them. Reported
// once per class, at its first decorator or `class` line, naming the actions it does not define
// itself (a defined `list` or `get` is its own endpoint). Bases defined in the same file are
// followed (`class BaseViewSet(ListModelMixin, GenericViewSet)` then `class X(BaseViewSet)`).

import type { HttpMethod } from '../../model/endpoints';
import type { FileFacts, ScopeFact } from '../../model/facts';
import { childScopes } from '../../model/facts-index';
import { pythonClassBases } from './signature';

export type DrfAction = 'list' | 'retrieve' | 'create' | 'update' | 'partial_update' | 'destroy';

export const ACTION_METHODS: Record<DrfAction, HttpMethod> = {
  list: 'GET', retrieve: 'GET', create: 'POST', update: 'PUT', partial_update: 'PATCH', destroy: 'DELETE',
};
/** In the order DRF's docs list them (and messages name them). */
const ACTION_ORDER: readonly DrfAction[] = ['list', 'retrieve', 'create', 'update', 'partial_update', 'destroy'];

const UPDATE: DrfAction[] = ['update', 'partial_update'];
/** What each DRF base class brings. */
const INHERITED: Record<string, readonly DrfAction[]> = {
  ListModelMixin: ['list'],
  RetrieveModelMixin: ['retrieve'],
  CreateModelMixin: ['create'],
  UpdateModelMixin: UPDATE,
  DestroyModelMixin: ['destroy'],
  ModelViewSet: ACTION_ORDER,
  ReadOnlyModelViewSet: ['list', 'retrieve'],
  ListAPIView: ['list'],
  RetrieveAPIView: ['retrieve'],
  CreateAPIView: ['create'],
  UpdateAPIView: UPDATE,
  DestroyAPIView: ['destroy'],
  ListCreateAPIView: ['list', 'create'],
  RetrieveUpdateAPIView: ['retrieve', ...UPDATE],
  RetrieveDestroyAPIView: ['retrieve', 'destroy'],
  RetrieveUpdateDestroyAPIView: ['retrieve', ...UPDATE, 'destroy'],
};

/** A generic API view dispatches by HTTP method: a defined `get` replaces its list/retrieve. */
const HANDLER_OF_ACTION: Record<DrfAction, string> = {
  list: 'get', retrieve: 'get', create: 'post', update: 'put', partial_update: 'patch', destroy: 'delete',
};

/** The actions `cls` inherits and does not define itself, in DRF's order; empty for other classes. */
export function inheritedActions(facts: FileFacts, cls: ScopeFact): DrfAction[] {
  const inherited = new Set<DrfAction>();
  const defined = new Set<string>();
  const seen = new Set<number>();
  const visit = (scope: ScopeFact, depth: number) => {
    if (seen.has(scope.id) || depth > 8) return;
    seen.add(scope.id);
    for (const method of childScopes(facts, scope.id)) if (method.kind === 'function' && method.name) defined.add(method.name);
    for (const base of pythonClassBases(facts, scope)) {
      for (const action of INHERITED[base] ?? []) inherited.add(action);
      const local = facts.scopes.find((candidate) => candidate.kind === 'class' && candidate.parentId === 0 && candidate.name === base);
      if (local) visit(local, depth + 1);
    }
  };
  visit(cls, 0);
  return ACTION_ORDER.filter((action) => inherited.has(action) && !defined.has(action) && !defined.has(HANDLER_OF_ACTION[action]));
}

/** The HTTP methods of some actions, each once (`list`, `retrieve` -> GET). */
export function actionMethods(actions: readonly DrfAction[]): HttpMethod[] {
  return [...new Set(actions.map((action) => ACTION_METHODS[action]))];
}

/**
 * The class methods whose bodies say what an inherited action serves (`get_queryset`,
 * `get_serializer_class`, `get_object`): read with the class attributes for the evidence.
 */
export function dataMethods(facts: FileFacts, cls: ScopeFact): ScopeFact[] {
  return childScopes(facts, cls.id).filter((method) => method.kind === 'function' && /^get_(queryset|serializer_class|serializer|object)$/.test(method.name ?? ''));
}
