import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types';

type RoleSelectProps = Omit<SelectProps, 'data' | 'onChange' | 'value'> & {
  roles: readonly Role[];
  value: Role | null;
  onChange: (role: Role) => void;
};

/** A choice among the given roles, labelled in the interface language. */
export function RoleSelect({ roles, value, onChange, ...props }: RoleSelectProps) {
  const { t } = useTranslation();
  const data = roles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  return (
    <Select
      allowDeselect={false}
      {...props}
      data={data}
      value={value}
      onChange={(next) => {
        const role = roles.find((candidate) => candidate === next);
        if (role !== undefined) {
          onChange(role);
        }
      }}
    />
  );
}
