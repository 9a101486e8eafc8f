import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { hostName } from './security.js';

describe('hostName', () => {
  it.each([
    ['localhost:4000', 'localhost'],
    ['LOCALHOST', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]:4000', '[::1]'],
    ['graph.example.org.', 'graph.example.org'],
  ])('reads %j as %j', (header, name) => {
    expect(hostName(header)).toBe(name);
  });

  it.each([undefined, '', 'a:b:c', '[::1', 'host:99999999'])('finds no name in %j', (header) => {
    expect(hostName(header)).toBeNull();
  });
});

describe('allowed hosts from config', () => {
  it('answers for loopback names only by default', () => {
    expect(loadConfig({}).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
  });
  it('adds ALLOWED_HOSTS and a concrete HOST, not a wildcard one', () => {
    expect(loadConfig({ ALLOWED_HOSTS: 'Graph.Example.org, other', HOST: '0.0.0.0' }).allowedHosts).toEqual([
      'localhost', '127.0.0.1', '[::1]', 'graph.example.org', 'other',
    ]);
    expect(loadConfig({ HOST: '10.0.0.5' }).allowedHosts).toContain('10.0.0.5');
    expect(loadConfig({ HOST: '::1' }).allowedHosts).toContain('[::1]');
  });
});
