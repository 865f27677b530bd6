import { describe, expect, it } from 'vitest';
import { filtersOf, valueSourceOf } from '../../../../functions/domain/filters/filter-catalog.ts';
import { COMPANY_FIELDS, CONTACT_FIELDS } from '../../../../functions/domain/records/fields.ts';

describe('filter catalog', () => {
  it('It should list every contact field but workspace_id, typed by its VQL clause', () => {
    // Act
    const filters = filtersOf('contact');
    // Assess
    expect(filters.map((f) => f.key).sort()).toEqual(Object.keys(CONTACT_FIELDS).filter((k) => k !== 'workspace_id').sort());
    expect(filters.find((f) => f.key === 'country')).toEqual({ key: 'country', filter_type: 'keyword', display_name: 'Country', active: true });
    expect(filters.find((f) => f.key === 'seniority')).toEqual({ key: 'seniority', filter_type: 'keyword', display_name: 'Seniority Level', active: true });
    expect(filters.find((f) => f.key === 'title')?.filter_type).toBe('text');
    expect(filters.find((f) => f.key === 'created_at')?.filter_type).toBe('date');
  });

  it('It should type numbers as range, humanise names, and mark ids inactive', () => {
    // Act
    const filters = new Map(filtersOf('company').map((f) => [f.key, f]));
    // Assess
    expect(filters.size).toBe(Object.keys(COMPANY_FIELDS).length - 1);
    expect(filters.get('employees_count')).toEqual({ key: 'employees_count', filter_type: 'range', display_name: 'Employees', active: true });
    expect(filters.get('annual_revenue')?.display_name).toBe('Annual Revenue');
    expect(filters.get('linkedin_url')?.display_name).toBe('LinkedIn URL');
    expect(filters.get('uuid')?.active).toBe(false);
    expect(filters.get('version')?.active).toBe(false);
    expect(filters.has('workspace_id')).toBe(false);
  });

  it('It should give a value source only to keyword and text fields, text through .keyword', () => {
    // Assess
    expect(valueSourceOf('company', 'industries')).toMatchObject({ field: 'industries', target: 'industries' });
    expect(valueSourceOf('company', 'name')).toMatchObject({ field: 'name', target: 'name.keyword' });
    expect(valueSourceOf('company', 'employees_count')).toBeUndefined();
    expect(valueSourceOf('company', 'workspace_id')).toBeUndefined();
    expect(valueSourceOf('company', '__proto__')).toBeUndefined();
    expect(valueSourceOf('contact', 'industries')).toBeUndefined();
  });
});
